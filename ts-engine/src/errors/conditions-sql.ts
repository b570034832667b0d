/** Conditions of Spark SQL text, views and the catalog (parser, relation lookup, commands), as in Spark's error-conditions.json. */
export const SQL_CONDITIONS: Readonly<Record<string, { readonly sqlState: string; readonly template: string }>> = {
  "TABLE_OR_VIEW_NOT_FOUND": {
    sqlState: "42P01",
    template: "The table or view <relationName> cannot be found. Verify the spelling and correctness of the schema and catalog.\nIf you did not qualify the name with a schema, verify the current_schema() output, or qualify the name with the correct schema and catalog.\nTo tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS.",
  },
  "UNBOUND_SQL_PARAMETER": {
    sqlState: "42P02",
    template: "Found the unbound parameter: <name>. Please, fix `args` and provide a mapping of the parameter to either a SQL literal or collection constructor functions such as `map()`, `array()`, `struct()`.",
  },
  "FAILED_TO_PARSE_TOO_COMPLEX": {
    sqlState: "54001",
    template: "The statement, including potential SQL functions and referenced views, was too complex to parse.\nTo mitigate this error divide the statement into multiple, less complex chunks.",
  },
  "TEMP_TABLE_OR_VIEW_ALREADY_EXISTS": {
    sqlState: "42P07",
    template: "Cannot create the temporary view <relationName> because it already exists.\nChoose a different name, drop or replace the existing view,  or add the IF NOT EXISTS clause to tolerate pre-existing views.",
  },
  "VIEW_NOT_FOUND": {
    sqlState: "42P01",
    template: "The view <relationName> cannot be found. Verify the spelling and correctness of the schema and catalog.\nIf you did not qualify the name with a schema, verify the current_schema() output, or qualify the name with the correct schema and catalog.\nTo tolerate the error on drop use DROP VIEW IF EXISTS.",
  },
  "DUPLICATED_CTE_NAMES": {
    sqlState: "42602",
    template: "CTE definition can't have duplicate names: <duplicateNames>.",
  },
  "SCHEMA_NOT_FOUND": {
    sqlState: "42704",
    template: "The schema <schemaName> cannot be found. Verify the spelling and correctness of the schema and catalog.\nIf you did not qualify the name with a catalog, verify the current_schema() output, or qualify the name with the correct catalog.\nTo tolerate the error on drop use DROP SCHEMA IF EXISTS.",
  },
  "SCHEMA_ALREADY_EXISTS": {
    sqlState: "42P06",
    template: "Cannot create schema <schemaName> because it already exists.\nChoose a different name, drop the existing schema, or add the IF NOT EXISTS clause to tolerate pre-existing schema.",
  },
  "NUM_COLUMNS_MISMATCH": {
    sqlState: "42826",
    template: "<operator> can only be performed on inputs with the same number of columns, but the first input has <firstNumColumns> columns and the <invalidOrdinalNum> input has <invalidNumColumns> columns.",
  },
  "INVALID_ESC": {
    sqlState: "42604",
    template: "Found an invalid escape string: <invalidEscape>. The escape string must contain only one character.",
  },
  "INVALID_SET_SYNTAX": {
    sqlState: "42000",
    template: "Expected format is 'SET', 'SET key', or 'SET key=value'. If you want to include special characters in key, or include semicolon in value, please use backquotes, e.g., SET `key`=`value`.",
  },
  "GROUP_BY_POS_OUT_OF_RANGE": {
    sqlState: "42805",
    template: "GROUP BY position <index> is not in select list (valid range is [1, <size>]).",
  },
  "ORDER_BY_POS_OUT_OF_RANGE": {
    sqlState: "42805",
    template: "ORDER BY position <index> is not in select list (valid range is [1, <size>]).",
  },
  "TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS": {
    sqlState: "428EK",
    template: "CREATE TEMPORARY VIEW or the corresponding Dataset APIs only accept single-part view names, but got: <actualName>.",
  },
  "UNRESOLVED_USING_COLUMN_FOR_JOIN": {
    sqlState: "42703",
    template: "USING column <colName> cannot be resolved on the <side> side of the join. The <side>-side columns: [<suggestion>].",
  },
  "RECURSIVE_VIEW": {
    sqlState: "42K0H",
    template: "Recursive view <viewIdent> detected (cycle: <newPath>).",
  },
  "UNRESOLVED_ROUTINE": {
    sqlState: "42883",
    template: "Cannot resolve routine <routineName> on search path <searchPath>.",
  },
  "ROUTINE_NOT_FOUND": {
    sqlState: "42883",
    template: "The routine <routineName> cannot be found. Verify the spelling and correctness of the schema and catalog.\nIf you did not qualify the name with a schema and catalog, verify the current_schema() output, or qualify the name with the correct schema and catalog.\nTo tolerate the error on drop use DROP ... IF EXISTS.",
  },
  "NUM_TABLE_VALUE_ALIASES_MISMATCH": {
    sqlState: "42826",
    template: "Number of given aliases does not match number of output columns.\nFunction name: <funcName>; number of aliases: <aliasesNum>; number of output columns: <outColsNum>.",
  },
  "INCOMPATIBLE_COLUMN_TYPE": {
    sqlState: "42825",
    template: "<operator> can only be performed on tables with compatible column types. The <columnOrdinalNumber> column of the <tableOrdinalNumber> table is <dataType1> type which is not compatible with <dataType2> at the same column of the first table.<hint>.",
  },
  "INVALID_SQL_SYNTAX.MULTI_PART_NAME": {
    sqlState: "42000",
    template: "Invalid SQL syntax: <statement> with multiple part name(<name>) is not allowed.",
  },
  "INVALID_SQL_SYNTAX.INVALID_TABLE_VALUED_FUNC_NAME": {
    sqlState: "42000",
    template: "Invalid SQL syntax: Table valued function cannot specify database name: <funcName>.",
  },
  "UNSUPPORTED_FEATURE.SET_NAMESPACE_PROPERTY": {
    sqlState: "0A000",
    template: "The feature is not supported: <property> is a reserved namespace property, <msg>.",
  },
  "UNSUPPORTED_TYPED_LITERAL": {
    sqlState: "0A000",
    template: "Literals of the type <unsupportedType> are not supported. Supported types are <supportedTypes>.",
  },
  "INVALID_SQL_SYNTAX.UNSUPPORTED_SQL_STATEMENT": {
    sqlState: "42000",
    template: "Invalid SQL syntax: Unsupported SQL statement: <sqlText>.",
  },
  "SCHEMA_NOT_EMPTY": {
    sqlState: "2BP01",
    template: "Cannot drop a schema <schemaName> because it contains objects.\nUse DROP SCHEMA ... CASCADE to drop the schema and all its objects.",
  },
  "MISSING_GROUP_BY": {
    sqlState: "42803",
    template: "The query does not include a GROUP BY clause. Add GROUP BY or turn it into the window functions using OVER clauses.",
  },
  "NESTED_AGGREGATE_FUNCTION": {
    sqlState: "42607",
    template: "It is not allowed to use an aggregate function in the argument of another aggregate function. Please use the inner aggregate function in a sub-query.",
  },
  "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATED_EXPRESSION_IN_JOIN_CONDITION": {
    sqlState: "0A000",
    template: "Unsupported subquery expression: Correlated subqueries in the join predicate cannot reference both join inputs:\n<subqueryExpression>",
  },
  "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATED_SCALAR_SUBQUERY": {
    sqlState: "0A000",
    template: "Unsupported subquery expression: Correlated scalar subqueries can only be used in filters, aggregations, projections, and UPDATE/MERGE/DELETE commands:\n<treeNode>",
  },
  "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY": {
    sqlState: "0A000",
    template: "Unsupported subquery expression: Correlated scalar subqueries must be aggregated to return at most one row.",
  },
  "SCALAR_SUBQUERY_TOO_MANY_ROWS": {
    sqlState: "21000",
    template: "More than one row returned by a subquery used as an expression.",
  },
  "INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN": {
    sqlState: "42823",
    template: "Invalid subquery: Scalar subquery must return only one column, but got <number>.",
  },
  "INVALID_USAGE_OF_STAR_OR_REGEX": {
    sqlState: "42000",
    template: "Invalid usage of <elem> in <prettyName>.",
  },
  "CANNOT_RESOLVE_STAR_EXPAND": {
    sqlState: "42704",
    template: "Cannot resolve <targetString>.* given input columns <columns>. Please check that the specified table or struct exists and is accessible in the input columns.",
  },
  "TABLE_OR_VIEW_ALREADY_EXISTS": {
    sqlState: "42P07",
    template: "Cannot create table or view <relationName> because it already exists.\nChoose a different name, drop or replace the existing object, or add the IF NOT EXISTS clause to tolerate pre-existing objects.",
  },
  "INVALID_PROPERTY_KEY": {
    sqlState: "42602",
    template: "<key> is an invalid property key, please use quotes, e.g. SET <key>=<value>.",
  },
  "UNSUPPORTED_FEATURE.PIPE_OPERATOR_AGGREGATE_UNSUPPORTED_CASE": {
    sqlState: "0A000",
    template: "The feature is not supported: The SQL pipe operator syntax with aggregation (using |> AGGREGATE) does not support <case>.",
  },
  "INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH": {
    sqlState: "42000",
    template: "Invalid inline table. Inline table expected <expectedNumCols> columns but found <actualNumCols> columns in row <rowIndex>.",
  },
  "INVALID_QUERY_MIXED_QUERY_PARAMETERS": {
    sqlState: "42613",
    template: "Parameterized query must either use positional, or named parameters, but not both.",
  },
  "_LEGACY_ERROR_TEMP_0053": {
    sqlState: "",
    template: "It is not allowed to define a TEMPORARY view with IF NOT EXISTS.",
  },
  "UNSUPPORTED_FEATURE.DROP_DATABASE": {
    sqlState: "0A000",
    template: "The feature is not supported: Drop the default database <database>.",
  },
  "DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: The number of columns in the left hand side of an IN subquery does not match the number of columns in the output of subquery. Left hand side columns(length: <leftLength>): [<leftColumns>], right hand side columns(length: <rightLength>): [<rightColumns>].",
  },
  "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_COLUMN_IS_NOT_ALLOWED_IN_PREDICATE": {
    sqlState: "0A000",
    template: "Unsupported subquery expression: Correlated column is not allowed in predicate:\n<treeNode>",
  },
  "NOT_IMPLEMENTED": {
    sqlState: "0A000",
    template: "<feature> is not implemented.",
  },
  "LOCATION_ALREADY_EXISTS": {
    sqlState: "42710",
    template: "Cannot name the managed table as <identifier>, as its associated location <location> already exists. Please pick a different table name, or remove the existing location first.",
  },
  "INSERT_COLUMN_ARITY_MISMATCH.NOT_ENOUGH_DATA_COLUMNS": {
    sqlState: "21S01",
    template: "Cannot write to <tableName>, the reason is not enough data columns:\nTable columns: <tableColumns>.\nData columns: <dataColumns>.",
  },
  "INSERT_COLUMN_ARITY_MISMATCH.TOO_MANY_DATA_COLUMNS": {
    sqlState: "21S01",
    template: "Cannot write to <tableName>, the reason is too many data columns:\nTable columns: <tableColumns>.\nData columns: <dataColumns>.",
  },
  "NOT_A_PARTITIONED_TABLE": {
    sqlState: "42809",
    template: "Operation <operation> is not allowed for <tableIdentWithDB> because it is not a partitioned table.",
  },
  "NON_PARTITION_COLUMN": {
    sqlState: "42000",
    template: "PARTITION clause cannot contain the non-partition column: <columnName>.",
  },
  "EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE": {
    sqlState: "42809",
    template: "'<operation>' expects a table but <viewName> is a view. ",
  },
  "EXPECT_TABLE_NOT_VIEW.USE_ALTER_VIEW": {
    sqlState: "42809",
    template: "'<operation>' expects a table but <viewName> is a view. Please use ALTER VIEW instead.",
  },
  "EXPECT_PERMANENT_VIEW_NOT_TEMP": {
    sqlState: "42809",
    template: "'<operation>' expects a permanent view but <viewName> is a temp view.",
  },
  "EXPECT_VIEW_NOT_TABLE.NO_ALTERNATIVE": {
    sqlState: "42809",
    template: "The table <tableName> does not support <operation>. ",
  },
  "EXPECT_VIEW_NOT_TABLE.USE_ALTER_TABLE": {
    sqlState: "42809",
    template: "The table <tableName> does not support <operation>. Please use ALTER TABLE instead.",
  },
  "INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST": {
    sqlState: "KD000",
    template: "Cannot write incompatible data for the table <tableName>: Cannot safely cast <colName> <srcType> to <targetType>.",
  },
  "INCOMPATIBLE_DATA_FOR_TABLE.EXTRA_COLUMNS": {
    sqlState: "KD000",
    template: "Cannot write incompatible data for the table <tableName>: Cannot write extra columns <extraColumns>.",
  },
  "INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_FIND_DATA": {
    sqlState: "KD000",
    template: "Cannot write incompatible data for the table <tableName>: Cannot find data for the output column <colName>.",
  },
  "REQUIRES_SINGLE_PART_NAMESPACE": {
    sqlState: "42K05",
    template: "<sessionCatalog> requires a single-part namespace, but got <namespace>.",
  },
  "CANNOT_LOAD_FUNCTION_CLASS": {
    sqlState: "46103",
    template: "Cannot load class <className> when registering the function <functionName>, please make sure it is on the classpath.",
  },
  "COLUMN_NOT_DEFINED_IN_TABLE": {
    sqlState: "42703",
    template: "<colType> column <colName> is not defined in table <tableName>, defined table columns are: <tableCols>.",
  },
  "SORT_BY_WITHOUT_BUCKETING": {
    sqlState: "42601",
    template: "sortBy must be used together with bucketBy.",
  },
  "UNSUPPORTED_PARTITION_TRANSFORM": {
    sqlState: "0A000",
    template: "Unsupported partition transform: <transform>. The supported transforms are `identity`, `bucket`, and `clusterBy`. Ensure your transform expression uses one of these.",
  },
  "UNSUPPORTED_FEATURE.MULTIPLE_BUCKET_TRANSFORMS": {
    sqlState: "0A000",
    template: "The feature is not supported: Multiple bucket TRANSFORMs.",
  },
  "UNSUPPORTED_FEATURE.TABLE_OPERATION": {
    sqlState: "0A000",
    template: "The feature is not supported: Table <tableName> does not support <operation>. Please check the current catalog and namespace to make sure the qualified table name is expected, and also check the catalog implementation which is configured by \"spark.sql.catalog\".",
  },
  "PARTITIONS_NOT_FOUND": {
    sqlState: "428FT",
    template: "The partition(s) <partitionList> cannot be found in table <tableName>.\nVerify the partition specification and table name.\nTo tolerate the error on drop use ALTER TABLE \u2026 DROP IF EXISTS PARTITION.",
  },
  "UNSUPPORTED_FEATURE.COMBINATION_QUERY_RESULT_CLAUSES": {
    sqlState: "0A000",
    template: "The feature is not supported: Combination of ORDER BY/SORT BY/DISTRIBUTE BY/CLUSTER BY.",
  },
  "NAMED_PARAMETERS_NOT_SUPPORTED": {
    sqlState: "4274K",
    template: "Named parameters are not supported for function <functionName>; please retry the query with positional arguments to the function call instead.",
  },
  "UNEXPECTED_POSITIONAL_ARGUMENT": {
    sqlState: "4274K",
    template: "Cannot invoke routine <routineName> because it contains positional argument(s) following the named argument assigned to <parameterName>; please rearrange them so the positional arguments come first and then retry the query again.",
  },
  "UNRECOGNIZED_PARAMETER_NAME": {
    sqlState: "4274K",
    template: "Cannot invoke routine <routineName> because the routine call included a named argument reference for the argument named <argumentName>, but this routine does not include any signature containing an argument with this name. Did you mean one of the following? [<proposal>].",
  },
  "REQUIRED_PARAMETER_NOT_FOUND": {
    sqlState: "4274K",
    template: "Cannot invoke routine <routineName> because the parameter named <parameterName> is required, but the routine call did not supply a value. Please update the routine call to supply an argument value (either positionally at index <index> or by name) and retry the query again.",
  },
  "_LEGACY_ERROR_TEMP_0014": {
    sqlState: "",
    template: "TABLESAMPLE does not accept empty inputs.",
  },
  "_LEGACY_ERROR_TEMP_0015": {
    sqlState: "",
    template: "TABLESAMPLE(<msg>) is not supported.",
  },
  "_LEGACY_ERROR_TEMP_0064": {
    sqlState: "",
    template: "<msg>.",
  },
  "DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.BOTH_POSITIONAL_AND_NAMED": {
    sqlState: "4274K",
    template: "Call to routine <routineName> is invalid because it includes multiple argument assignments to the same parameter name <parameterName>. A positional argument and named argument both referred to the same parameter. Please remove the named argument referring to this parameter.",
  },
  "DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.DOUBLE_NAMED_ARGUMENT_REFERENCE": {
    sqlState: "4274K",
    template: "Call to routine <routineName> is invalid because it includes multiple argument assignments to the same parameter name <parameterName>. More than one named argument referred to the same parameter. Please assign a value only once.",
  },
  "CREATE_PERMANENT_VIEW_WITHOUT_ALIAS": {
    sqlState: "0A000",
    template: "Not allowed to create the permanent view <name> without explicitly assigning an alias for the expression <attr>.",
  },
  "INVALID_TEMP_OBJ_REFERENCE": {
    sqlState: "42K0F",
    template: "Cannot create the persistent object <objName> of the type <obj> because it references to the temporary object <tempObjName> of the type <tempObj>. Please make the temporary object <tempObjName> persistent, or make the persistent object <objName> temporary.",
  },
  "WRONG_COMMAND_FOR_OBJECT_TYPE": {
    sqlState: "42809",
    template: "The operation <operation> requires a <requiredType>. But <objectName> is a <foundType>. Use <alternative> instead.",
  },
  "PARTITIONS_ALREADY_EXIST": {
    sqlState: "428FT",
    template: "Cannot ADD or RENAME TO partition(s) <partitionList> in table <tableName> because they already exist.\nChoose a different name, drop the existing partition, or add the IF NOT EXISTS clause to tolerate a pre-existing partition.",
  },
  "INVALID_PARTITION_OPERATION.PARTITION_SCHEMA_IS_EMPTY": {
    sqlState: "42601",
    template: "The partition command is invalid. Table <name> is not partitioned.",
  },
  "_LEGACY_ERROR_TEMP_1251": {
    sqlState: "",
    template: "<action> is not allowed on <tableName> since its partition metadata is not stored in the Hive metastore. To import this information into the metastore, run `msck repair table <tableName>`.",
  },
};
