package io.candor.text;

import java.util.HashMap;
import java.util.Map;

/**
 * The Cyrillic, Greek and other letters that look like Latin ones and are used to slip
 * words past filters ("chаnnel" with a Cyrillic a). A small, conservative subset of
 * Unicode's confusables list: only letters that are near-identical in common fonts.
 */
final class Confusables {
    private static final Map<Integer, Integer> MAP = new HashMap<>();

    static {
        // Cyrillic lower and upper case
        put("аa еe оo рp сc уy хx іi јj ѕs ԁd һh ӏl ԛq ԝw ьb");
        put("АA ВB ЕE КK МM НH ОO РP СC ТT УY ХX ІI ЈJ ЅS");
        // Greek
        put("αa οo ρp νv ιi κk τt υu χx εe ϲc");
        put("ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX");
        // Latin small capitals and others that NFKD leaves alone
        put("ɑa ɡg ɩi ʀr ᴀa ʙb ᴄc ᴅd ᴇe ɢg ʜh ɪi ᴊj ᴋk ʟl ᴍm ɴn ᴏo ᴘp ʀr ᴛt ᴜu ᴠv ᴡw ʏy ᴢz");
    }

    static {
        // typographic quotes fold to plain ones, so a pattern needs to write "don't" once
        MAP.put(0x2019, (int) '\'');
        MAP.put(0x2018, (int) '\'');
        MAP.put(0x02BC, (int) '\'');
        MAP.put(0x201C, (int) '"');
        MAP.put(0x201D, (int) '"');
    }

    private Confusables() {
    }

    private static void put(String pairs) {
        for (String p : pairs.split(" ")) {
            MAP.put(p.codePointAt(0), (int) Character.toLowerCase(p.charAt(p.length() - 1)));
        }
    }

    static int map(int cp) {
        Integer m = MAP.get(cp);
        return m == null ? cp : m;
    }
}
