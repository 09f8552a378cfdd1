"""Databases of the storage tests in the throwaway cluster (scripts/pg-cluster run -- ...)."""
import atexit
import os
import subprocess

PG_CLUSTER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts",
                          "pg-cluster")


def createdb(cluster, name):
    """A database of the test's own in the cluster, dropped when the test ends; its URL."""
    r = subprocess.run([PG_CLUSTER, "createdb", cluster, name], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"FAIL  cannot create database {name}: {r.stderr}")
    atexit.register(subprocess.run, ["psql", cluster, "-X", "-q", "-c",
                                     f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'],
                    capture_output=True)
    return r.stdout.strip()
