# Nothing of the program is registered here. Its words live in code (stages.content), reviewed
# in git; the Stage rows are created by migration and never change.
