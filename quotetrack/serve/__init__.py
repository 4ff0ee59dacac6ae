"""``quotetrack serve``: a local web page and JSON API for a newsroom (needs the serve extra).

:func:`~quotetrack.serve.app.create_app` builds the Flask application;
:func:`~quotetrack.serve.app.run` serves it with waitress.  Nothing is read or
written but the request: uploads are kept in memory and no directory is served.
"""
