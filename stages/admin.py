# Nothing of the program is registered here. Its words live in code (stages.content), reviewed
# in git; people's answers and progress are private and staff have no reason to read them.
