"""DSP: the protocol display (Display, its pages, page order, default page and page visibility)."""
