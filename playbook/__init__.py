"""The Remediation Playbook: the six-step remediation process as data, rules and documents."""

__version__ = "0.1.0"
