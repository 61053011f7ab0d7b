#!/bin/sh
# Migrate (alembic upgrade head), load the gazetteer when the database is empty, then serve.
set -e
addrnet gazetteer load --if-empty
exec addrnet serve "$@"
