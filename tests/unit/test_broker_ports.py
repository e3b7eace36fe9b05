"""The development broker's controller port: port + 1 when free, else any free port."""

from __future__ import annotations

import socket

from newswatch_dev.broker import HOST, controller_port_for


def _neighbours_taken_or_free() -> tuple[socket.socket, int]:
    """A socket holding some port p + 1; returns it and p."""
    while True:
        holder = socket.socket()
        holder.bind((HOST, 0))
        port = int(holder.getsockname()[1]) - 1
        if port > 1024:
            return holder, port
        holder.close()


def test_the_neighbour_port_when_it_is_free() -> None:
    holder, port = _neighbours_taken_or_free()
    holder.close()  # port + 1 is free again
    assert controller_port_for(port) == port + 1


def test_a_free_port_when_the_neighbour_is_taken() -> None:
    holder, port = _neighbours_taken_or_free()
    with holder:
        holder.listen()
        chosen = controller_port_for(port)
        assert chosen != port + 1
        with socket.socket() as probe:
            probe.bind((HOST, chosen))  # it really is free
