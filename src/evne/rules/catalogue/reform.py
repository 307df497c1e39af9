"""The 2013 reform of førtidspension and fleksjob and L 193 (2018): rules from seeds 002 and 003 (being written)."""

RULES = ()
