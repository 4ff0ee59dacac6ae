"""Reading inputs: plain text, JSON Lines, directories, standard input, transcripts."""
