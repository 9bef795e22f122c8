"""`python -m streamer` is the `vtuber` command."""

from streamer.cli import main

main()
