# Nothing of a person's progress or exercises is registered here: what people write is private
# and staff have no reason to read it (the site's admin shows accounts only).
