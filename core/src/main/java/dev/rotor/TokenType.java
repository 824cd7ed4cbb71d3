package dev.rotor;

/** The two kinds of token Rotor mints; each has its own {@code typ} header (RFC 8725 §3.11). */
enum TokenType {
    ACCESS("at+jwt"),
    REFRESH("rt+jwt");

    final String typ;

    TokenType(String typ) {
        this.typ = typ;
    }
}
