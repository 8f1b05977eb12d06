"""The words every generated explanation carries about where it comes from and what it is not."""

from graph.explain.sentences import listing


def generated_notice(sources: tuple[str, ...]) -> str:
    return (
        f"This explanation was generated automatically from the official code set: {listing(list(sources))}. "
        "It says only what that data says, in plainer words. It is not medical or coding advice."
    )
