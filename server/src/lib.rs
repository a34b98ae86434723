//! The reference intake server (skeleton; see the server issue).
