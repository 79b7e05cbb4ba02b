"""dmlint: a validator and linter for DataMiner protocol XML."""

__version__ = "0.3.0"
