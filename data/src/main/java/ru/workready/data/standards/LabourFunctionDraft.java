package ru.workready.data.standards;

import static ru.workready.data.standards.MintrudFields.first;
import static ru.workready.data.standards.MintrudFields.missing;
import static ru.workready.data.standards.MintrudFields.parseInt;
import static ru.workready.data.standards.MintrudPaths.*;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.workready.engine.standards.ElementKind;
import ru.workready.engine.standards.FunctionCodes;
import ru.workready.engine.standards.FunctionElement;
import ru.workready.engine.standards.LabourFunction;

/** A трудовая функция (ТФ) as far as the Минтруд XML has been read, its elements numbered per kind. */
final class LabourFunctionDraft {
    final int index;
    final int line;
    @Nullable String code;
    @Nullable String name;
    @Nullable String subLevelText;
    final List<FunctionElement> elements = new ArrayList<>();
    final int[] counts = new int[ElementKind.values().length];

    LabourFunctionDraft(int index, int line) {
        this.index = index;
        this.line = line;
    }

    /** A ТФ-level field's text. */
    void assign(String key, String text) {
        switch (key) {
            case TF_CODE -> {
                if (!text.isEmpty()) {
                    code = first(code, FunctionCodes.normalize(text));
                }
            }
            case TF_NAME -> name = first(name, text);
            case TF_SUB_LEVEL -> subLevelText = first(subLevelText, text);
            case TF_ACTION -> addElement(ElementKind.LABOUR_ACTION, text);
            case TF_SKILL -> addElement(ElementKind.REQUIRED_SKILL, text);
            case TF_KNOWLEDGE -> addElement(ElementKind.REQUIRED_KNOWLEDGE, text);
            default -> throw new IllegalStateException(key);
        }
    }

    private void addElement(ElementKind kind, String text) {
        if (!text.isEmpty()) {
            int position = ++counts[kind.ordinal()];
            elements.add(new FunctionElement(kind, position, text));
        }
    }

    /** The sub-level from SubQualification, else from the code's last part (A/01.3 → 3). */
    LabourFunction build(StandardDraft s, GeneralizedFunctionDraft o) {
        String where = s.describe() + ", " + o.describe() + ", "
                + (code != null ? "ТФ " + code : "ТФ #" + index);
        if (code == null) {
            throw missing(where, "CodeTF", line);
        }
        if (name == null) {
            throw missing(where, "NameTF", line);
        }
        Integer subLevel = subLevelText == null ? null : parseInt(subLevelText);
        if (subLevel == null) {
            int dot = code.lastIndexOf('.');
            subLevel = dot < 0 ? null : parseInt(code.substring(dot + 1));
        }
        if (subLevel == null || subLevel < 1 || subLevel > 9) {
            throw new StandardImportException(where + ": cannot determine the sub-level from "
                    + "SubQualification '" + (subLevelText == null ? "" : subLevelText)
                    + "' or the code", line, -1, null);
        }
        return new LabourFunction(code, name, subLevel, elements);
    }
}
