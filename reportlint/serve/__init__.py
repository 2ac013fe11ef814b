"""`reportlint serve`: the linter as a web service for an office's authors and reviewers.

Installed with the extra `reportlint[serve]` (FastAPI, uvicorn, python-multipart). Nothing here is
imported by the command line unless `reportlint serve` runs; this package file itself imports
nothing, so `import reportlint.serve.uploads` and the like stay usable without the server stack.

Modules, one job each, imports one way down: messages (error texts) -> uploads (request parts ->
files in a temporary folder) -> pool (bounded worker slots over reportlint.parallel) -> engine
(files -> results) -> batches (results kept under --data) -> decisions (reviewers' acceptances in
SQLite) -> pages (HTML) -> app (the FastAPI routes) -> server (uvicorn, signals, logging).
"""
