"""Errors of the web pages: a page's GraphQL document did not give it an answer.

PageQueryFailed              the API answered with errors; `codes` holds their `extensions.code`
 └── PageQueryUnavailable    the schema cannot answer this document (yet); `codes` is ["UNAVAILABLE"]
"""


class PageQueryFailed(Exception):
    def __init__(self, codes: list[str], messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.codes = codes
        self.messages = messages

    @property
    def bad_input(self) -> bool:
        return "BAD_USER_INPUT" in self.codes

    @property
    def unavailable(self) -> bool:
        return any(code in ("DATABASE_UNAVAILABLE", "DATABASE_TIMEOUT") for code in self.codes)


class PageQueryUnavailable(PageQueryFailed):
    pass
