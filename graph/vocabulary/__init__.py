"""Official vocabularies in the graph (index terms, their cross-references and the codes they lead to) and our
plain-language glossary of the everyday words for the medical words of official titles."""
