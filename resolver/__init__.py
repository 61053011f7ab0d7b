"""SQL gazetteer and resolver: parsed address components -> ranked places.

Public API::

    from resolver import db, match
    db.upgrade(url)                      # alembic upgrade head (schema owned by migrations/)
    engine = db.make_engine(url)         # creates the SQLite data dir, sets SQLite pragmas
    with engine.connect() as conn:
        places = match.resolve(conn, {"locality": "St. Louis", "region": "MO"}, country="US", limit=5)
    # -> list[match.Place]; [] when nothing matches; ValueError on malformed input

Modules: ``schema`` (tables), ``db`` (engines, migrations), ``names`` (name normalization, edit
distance), ``aliases`` (documented alias tables, generated variants), ``loader`` (building and
loading the gazetteer), ``match`` (resolution and ranking), ``gold`` (accuracy check), ``cli``.
Never imports torch, training, app, eval or bench.
"""
