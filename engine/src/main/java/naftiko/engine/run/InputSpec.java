package naftiko.engine.run;

/**
 * One input of a unit, declared or derived (REAL-WORLD item 10).
 *
 * @param location where a REST call reads it when it is not declared: {@code path}, {@code query},
 *                 {@code header}, {@code cookie}, {@code body} (the whole JSON body), {@code body-field}
 *                 (a top-level field), or null (route, query, header, then body field)
 * @param declared true when the file declares it as an input of the unit
 * @param in       for declared REST inputs, where to read it; {@code value} a constant or body JsonPath
 */
record InputSpec(String name, String type, String description, boolean required, String location,
                 boolean declared, String in, String value) {}
