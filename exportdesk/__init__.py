"""ExportDesk: security export control for Japanese universities and research institutes."""

__version__ = "0.1.0"
