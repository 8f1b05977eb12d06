"""Plain-language explanations generated from the official data: one explainer per code system."""
