"""Knowledge base for counsellors: articles, their versions and attachments, search that understands how
citizens talk, the everyday-words table, and which article answered which call or case."""
