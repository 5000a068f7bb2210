"""The review web page: accept, edit or reject each task beside its source text.

`chidao review` serves `app.create_app` with uvicorn; pages are rendered on the server
with Jinja2 (autoescaped: a document's text is untrusted input), and every action is a
review event in the store.
"""
