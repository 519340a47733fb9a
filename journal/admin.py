"""Nothing of the journal is registered: Entry and its search tokens hold people's words, and
staff have no reason to read them. The site's user admin shows how many entries each person
has (exback/admin.py), never what they wrote."""
