fn main() {
    casebook::run();
}
