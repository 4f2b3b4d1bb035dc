// Search: replaced by the search work.
