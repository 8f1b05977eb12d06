"""Loaders: plain records in, batched Cypher out. Loaders never parse files; importers never write."""
