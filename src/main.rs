//! The browser entry point: mounts the app on `<body>` and keeps it mounted.

fn main() {
    app::start();
}
