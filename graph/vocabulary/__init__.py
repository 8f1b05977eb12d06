"""The plain-language glossary: everyday words and the medical words of official titles they stand for."""
