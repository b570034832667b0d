"""ResourceInformation: a resource's name and the addresses of its units (a GPU's indexes)."""
from typing import List


class ResourceInformation:
    """What ``sc.resources`` / ``TaskContext.resources()`` map a resource name to."""

    def __init__(self, name: str, addresses: List[str]):
        self._name = name
        self._addresses = addresses

    @property
    def name(self) -> str:
        return self._name

    @property
    def addresses(self) -> List[str]:
        return self._addresses
