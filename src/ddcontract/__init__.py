"""ddcontract: cybersecurity due diligence for customer contracts."""

__version__ = "0.1.0"
