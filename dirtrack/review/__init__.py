"""The quarterly review pack (issue 3): pure computations over directive and limitation facts.

Nothing here touches the database or prints. :func:`dirtrack.review.pack.build_review` turns
what the CLI fetched into the report's JSON object, whose new sections sit beside the keys
CLI.md fixes.
"""
