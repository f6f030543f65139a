"""Regular expressions compiled the first time they are used, not when their module loads.

Compiling a pattern costs about 0.8 M instructions, and every command loads the modules that
declare most of dirtrack's patterns (text, periods, the database's and the CLI's error
reading, the renderers): ``report`` compiled 67 of them at start-up and used 14. A
:class:`LazyPattern` stands where the compiled pattern stood and is used the same way
(``_ISO.match(text)``); its first use compiles it and puts the compiled pattern's own methods
on it, so from then on a call goes straight to them, as fast as on the compiled pattern.
"""

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any, AnyStr, Generic

# The methods the first use puts on the pattern, the compiled pattern's own.
_METHODS = ("search", "match", "fullmatch", "sub", "finditer", "findall")


class LazyPattern(Generic[AnyStr]):
    """``re.compile(source, flags)``, done when one of its methods is first called."""

    def __init__(self, source: AnyStr, flags: int = 0) -> None:
        self.source: AnyStr = source
        self.flags = flags

    def compiled(self) -> re.Pattern[AnyStr]:
        """The compiled pattern; its methods replace this object's own from now on."""
        found = re.compile(self.source, self.flags)
        for name in _METHODS:
            setattr(self, name, getattr(found, name))
        return found

    def search(
        self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[AnyStr] | None:
        return self.compiled().search(string, pos, endpos)

    def match(
        self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[AnyStr] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(
        self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[AnyStr] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def sub(
        self,
        repl: AnyStr | Callable[[re.Match[AnyStr]], AnyStr],
        string: AnyStr,
        count: int = 0,
    ) -> AnyStr:
        return self.compiled().sub(repl, string, count)

    def finditer(
        self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[AnyStr]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled().findall(string, pos, endpos)
