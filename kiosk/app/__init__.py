"""The runtime: the main loop, its outputs, the crash boundary, stop signals, memory and logs."""
