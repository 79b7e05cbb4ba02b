"""CHN: the EPM chains (Protocol/Chains)."""
