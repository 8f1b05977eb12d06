from server.web.systems import System, code_url, parse_system


def test_systems_are_recognised_however_typed() -> None:
    assert parse_system("icd-10-cm") is System.ICD10CM
    assert parse_system("ICD10PCS") is System.ICD10PCS
    assert parse_system("pcs") is System.ICD10PCS
    assert parse_system("cpt4") is System.CPT
    assert parse_system("hcpcs") is System.HCPCS
    assert parse_system("loinc") is None


def test_code_urls_are_escaped() -> None:
    assert code_url("ICD10CM", "I82.401") == "/codes/ICD10CM/I82.401"
    assert code_url("CPT", "a/b c") == "/codes/CPT/a%2Fb%20c"
