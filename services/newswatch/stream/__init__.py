"""The Faust worker: articles in, alerts out, bad input to the dead-letter topic."""
