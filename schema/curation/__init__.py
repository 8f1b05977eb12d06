"""Curation: the API's writes (mutations) and their audit trail, for editors holding the API key."""
