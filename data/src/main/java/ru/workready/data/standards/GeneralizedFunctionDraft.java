package ru.workready.data.standards;

import static ru.workready.data.standards.MintrudFields.first;
import static ru.workready.data.standards.MintrudFields.missing;
import static ru.workready.data.standards.MintrudFields.parseInt;
import static ru.workready.data.standards.MintrudPaths.*;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.workready.engine.standards.ClassifierEntry;
import ru.workready.engine.standards.FunctionCodes;
import ru.workready.engine.standards.FunctionRequirements;
import ru.workready.engine.standards.GeneralizedFunction;
import ru.workready.engine.standards.LabourFunction;

/** An обобщённая трудовая функция (ОТФ) as far as the Минтруд XML has been read. */
final class GeneralizedFunctionDraft {
    final int index;
    final int line;
    @Nullable String code;
    @Nullable String name;
    @Nullable Integer level;
    final List<String> jobTitles = new ArrayList<>();
    final List<String> education = new ArrayList<>();
    final List<String> experience = new ArrayList<>();
    final List<String> special = new ArrayList<>();
    final List<String> other = new ArrayList<>();
    final List<ClassifierEntry> okz = new ArrayList<>();
    final List<ClassifierEntry> eks = new ArrayList<>();
    final List<ClassifierEntry> okpdtr = new ArrayList<>();
    final List<ClassifierEntry> okso = new ArrayList<>();
    final List<ClassifierEntry> oknpo = new ArrayList<>();
    final List<LabourFunction> tfs = new ArrayList<>();

    GeneralizedFunctionDraft(int index, int line) {
        this.index = index;
        this.line = line;
    }

    String describe() {
        return code != null ? "ОТФ " + code : "ОТФ #" + index;
    }

    /** An ОТФ-level field's text; {@code line} and {@code column} locate its element for errors. */
    void assign(StandardDraft s, String key, String text, int line, int column) {
        switch (key) {
            case OTF_EDUCATION -> addText(education, text);
            case OTF_EXPERIENCE -> addText(experience, text);
            case OTF_SPECIAL -> addText(special, text);
            case OTF_OTHER -> addText(other, text);
            case OTF_CODE -> {
                if (!text.isEmpty()) {
                    code = first(code, FunctionCodes.normalize(text));
                }
            }
            case OTF_NAME -> name = first(name, text);
            case OTF_LEVEL -> {
                if (level == null && !text.isEmpty()) {
                    level = parseLevel(s, text, line, column);
                }
            }
            case OTF_JOB_TITLE -> {
                if (!text.isEmpty()) {
                    jobTitles.add(text);
                }
            }
            default -> throw new IllegalStateException(key);
        }
    }

    /** Adds a requirement line; a lone dash is the Ministry's way of writing "none". */
    private static void addText(List<String> list, String text) {
        if (!text.isEmpty() && !text.matches("[-–—]")) {
            list.add(text);
        }
    }

    private int parseLevel(StandardDraft s, String text, int line, int column) {
        Integer parsed = parseInt(text);
        if (parsed == null || parsed < 1 || parsed > 9) {
            throw new StandardImportException(s.describe() + ", " + describe()
                    + ": LevelOfQualification '" + text + "' is not a qualification level 1..9", line, column, null);
        }
        return parsed;
    }

    /** Adds a finished ТФ; its code must be new within the whole standard. */
    void add(StandardDraft s, LabourFunction f, int tfLine) {
        Integer first = s.tfLines.putIfAbsent(f.code(), tfLine);
        if (first != null) {
            throw MintrudFields.duplicate(s, "ТФ", f.code(), first, tfLine);
        }
        tfs.add(f);
    }

    GeneralizedFunction build(StandardDraft s) {
        String where = s.describe() + ", " + describe();
        if (code == null) {
            throw missing(where, "CodeOTF", line);
        }
        if (level == null) {
            throw missing(where, "LevelOfQualification", line);
        }
        return new GeneralizedFunction(code, name == null ? "" : name, level, jobTitles, tfs,
                new FunctionRequirements(education, experience, special, other, okz, eks, okpdtr, okso, oknpo));
    }
}
