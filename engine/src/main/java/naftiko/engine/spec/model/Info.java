package naftiko.engine.spec.model;

import java.util.List;

/** Human metadata (SPEC.md §2.2). */
public record Info(
        String label,
        String description,
        List<String> tags,
        String created,
        String modified,
        List<Person> stakeholders,
        SourcePos pos) {

    public record Person(String role, String fullName, String email) {}
}
