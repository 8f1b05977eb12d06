from graph.knowledge.name_folding import fold_name


def test_case_punctuation_plural_and_word_order_fold_together() -> None:
    assert fold_name("Interventional Radiologists") == fold_name("interventional radiologist")
    assert fold_name("Infection, wound") == fold_name("Wound infections")
    assert fold_name("Blood clots") == "blood clot"
    assert fold_name("Therapies") == "therapy"
    assert fold_name("Abscesses") == fold_name("abscess")


def test_different_words_stay_apart() -> None:
    assert fold_name("Bleeding") != fold_name("Bruising")
    assert fold_name("Risk of bleeding") != fold_name("Bleeding")
