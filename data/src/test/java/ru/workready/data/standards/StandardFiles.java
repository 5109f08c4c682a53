package ru.workready.data.standards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real reference files, re-coded for tests: the shared test database holds the demo's
 * standards, so fixtures get codes of their own (99.xxx) and never touch 06.001.
 */
public final class StandardFiles {
    private static final Pattern STANDARD = Pattern.compile("<ProfessionalStandart>.*?</ProfessionalStandart>",
            Pattern.DOTALL);

    private StandardFiles() {
    }

    public static String reference(String file) {
        try (InputStream in = StandardFiles.class.getResourceAsStream("/reference/standards/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException(file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference file with its standard's code replaced. */
    public static String recoded(String file, String code) {
        return reference(file).replaceFirst("<CodeKindProfessionalActivity>[^<]*<",
                "<CodeKindProfessionalActivity>" + Matcher.quoteReplacement(code) + "<");
    }

    /** One bulk file (XMLCardInfo with many ProfessionalStandart) from single-standard files. */
    public static String bulk(List<String> singleFiles) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<XMLCardInfo>\n"
                + "<ProfessionalStandarts>\n");
        for (String f : singleFiles) {
            Matcher m = STANDARD.matcher(f);
            while (m.find()) {
                sb.append(m.group()).append('\n');
            }
        }
        return sb.append("</ProfessionalStandarts>\n</XMLCardInfo>\n").toString();
    }

    /** Occurrences of the tag with non-blank text, counted on the raw text, independently of the reader. */
    public static int count(String xml, String tag) {
        Matcher m = Pattern.compile("<" + tag + ">\\s*[^<\\s]").matcher(xml);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
