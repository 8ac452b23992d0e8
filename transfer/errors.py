class TransferError(Exception):
    """An import refused or stopped; its message is for the officer, and nothing has changed."""
