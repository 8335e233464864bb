package io.candor.cli;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Decodes input strictly: UTF-8 or a clear refusal, and binary data is not text. */
final class TextInput {
    private TextInput() {
    }

    /** Why these bytes are not a draft ("not-utf8", "binary"), or empty when they are text. */
    static Optional<String> problem(byte[] bytes) {
        int controls = 0;
        for (byte b : bytes) {
            if (b == 0) {
                return Optional.of("binary");
            }
            if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                controls++;
            }
        }
        if (controls > 8 && controls * 10 > bytes.length) {
            return Optional.of("binary");
        }
        try {
            decode(bytes);
            return Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.of("not-utf8");
        }
    }

    static String decode(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String s = d.decode(ByteBuffer.wrap(bytes)).toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
