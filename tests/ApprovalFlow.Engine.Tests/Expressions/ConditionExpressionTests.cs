using System.Text.Json.Nodes;
using ApprovalFlow.Engine.Expressions;

namespace ApprovalFlow.Engine.Tests.Expressions;

public sealed class ConditionExpressionTests
{
    private const string Variables = """
        {
          "amount": 1500.50,
          "limit": 1000,
          "zero": 0,
          "name": "Alice",
          "blank": "",
          "approved": true,
          "rejected": false,
          "nothing": null,
          "items": [10, 20, 30],
          "noItems": [],
          "noFields": {},
          "order": {
            "total": 250,
            "status": "open",
            "with space": "yes",
            "customer": { "tier": "gold", "address": null },
            "lines": [ { "sku": "A-1" }, { "sku": "B-2" } ]
          },
          "sameOrder": {
            "total": 250,
            "status": "open",
            "with space": "yes",
            "customer": { "tier": "gold", "address": null },
            "lines": [ { "sku": "A-1" }, { "sku": "B-2" } ]
          }
        }
        """;

    private static JsonObject Vars(string json = Variables) => JsonNode.Parse(json)!.AsObject();

    private static object? Eval(string expression, string json = Variables) =>
        ConditionExpression.Parse(expression).Evaluate(Vars(json));

    private static bool IsTrue(string expression, string json = Variables) =>
        ConditionExpression.Parse(expression).EvaluateBoolean(Vars(json));

    private static ExpressionSyntaxException SyntaxError(string expression) =>
        Should.Throw<ExpressionSyntaxException>(() => ConditionExpression.Parse(expression));

    private static ExpressionEvaluationException EvaluationError(string expression, string json = Variables) =>
        Should.Throw<ExpressionEvaluationException>(() => ConditionExpression.Parse(expression).Evaluate(Vars(json)));


    [Fact]
    public void Dollar_brace_expression_is_parsed_and_keeps_its_text()
    {
        var expression = ConditionExpression.Parse("${amount > 1000}");

        expression.Text.ShouldBe("${amount > 1000}");
        expression.ToString().ShouldBe("${amount > 1000}");
        expression.EvaluateBoolean(Vars()).ShouldBeTrue();
    }

    [Fact]
    public void Hash_brace_expression_is_accepted()
    {
        IsTrue("#{approved}").ShouldBeTrue();
    }

    [Fact]
    public void Whitespace_around_and_inside_the_braces_is_allowed()
    {
        IsTrue("  \n\t${  approved \n }  \r\n").ShouldBeTrue();
    }

    [Theory]
    [InlineData("${42}", 42)]
    [InlineData("${0}", 0)]
    [InlineData("${3.25}", 3.25)]
    [InlineData("${1e3}", 1000)]
    [InlineData("${2.5E-1}", 0.25)]
    public void Number_literals_evaluate_to_decimals(string expression, double expected)
    {
        Eval(expression).ShouldBe((decimal)expected);
    }

    [Fact]
    public void Integer_literals_keep_full_decimal_precision()
    {
        Eval("${12345678901234567890123456}").ShouldBe(12345678901234567890123456m);
    }

    [Theory]
    [InlineData("${'hello'}", "hello")]
    [InlineData("${\"hello\"}", "hello")]
    [InlineData("${''}", "")]
    [InlineData("${'it\\'s'}", "it's")]
    [InlineData("${\"say \\\"hi\\\"\"}", "say \"hi\"")]
    [InlineData("${'a\\\\b'}", "a\\b")]
    [InlineData("${'line\\nbreak\\ttab\\r'}", "line\nbreak\ttab\r")]
    [InlineData("${'\\u00e9t\\u00E9'}", "été")]
    [InlineData("${'brace } inside'}", "brace } inside")]
    [InlineData("${\"single ' inside double\"}", "single ' inside double")]
    public void String_literals_support_both_quotes_and_backslash_escapes(string expression, string expected)
    {
        Eval(expression).ShouldBe(expected);
    }

    [Fact]
    public void Boolean_and_null_literals_evaluate_to_themselves()
    {
        Eval("${true}").ShouldBe(true);
        Eval("${false}").ShouldBe(false);
        Eval("${null}").ShouldBeNull();
    }


    [Fact]
    public void Variables_are_converted_to_bool_decimal_string_or_null()
    {
        Eval("${approved}").ShouldBe(true);
        Eval("${amount}").ShouldBe(1500.50m);
        Eval("${name}").ShouldBe("Alice");
        Eval("${nothing}").ShouldBeNull();
    }

    [Fact]
    public void Unknown_variable_is_an_error_not_false()
    {
        var error = EvaluationError("${missing == true}");

        error.Message.ShouldBe("Unknown variable 'missing'");
    }

    [Fact]
    public void Unknown_variable_is_an_error_even_when_tested_with_empty()
    {
        EvaluationError("${empty missing}").Message.ShouldContain("Unknown variable 'missing'");
    }

    [Fact]
    public void Unknown_variable_is_an_error_when_compared_with_null()
    {
        EvaluationError("${missing == null}").Message.ShouldContain("Unknown variable 'missing'");
    }

    [Fact]
    public void Variable_explicitly_set_to_null_is_null_not_unknown()
    {
        IsTrue("${nothing == null}").ShouldBeTrue();
    }

    [Fact]
    public void Variable_names_are_case_sensitive()
    {
        EvaluationError("${Amount > 1}").Message.ShouldContain("Unknown variable 'Amount'");
    }

    [Fact]
    public void Numbers_created_from_clr_doubles_and_longs_compare_exactly()
    {
        var variables = new JsonObject
        {
            ["rate"] = 0.1d,
            ["count"] = 3L,
            ["small"] = 2.5f,
        };

        ConditionExpression.Parse("${rate == 0.1 && count == 3 && small == 2.5}").EvaluateBoolean(variables).ShouldBeTrue();
    }

    [Fact]
    public void Strings_created_from_clr_values_are_read_as_strings()
    {
        var variables = new JsonObject
        {
            ["id"] = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            ["letter"] = 'x',
        };

        ConditionExpression.Parse("${id == '0f8fad5b-d9cb-469f-a165-70867728950e' && letter == 'x'}")
            .EvaluateBoolean(variables)
            .ShouldBeTrue();
    }

    [Fact]
    public void Number_outside_the_decimal_range_is_an_evaluation_error()
    {
        EvaluationError("${huge > 1}", """{ "huge": 1e400 }""").Message.ShouldContain("decimal range");
    }


    [Fact]
    public void Unicode_variable_names_are_supported()
    {
        IsTrue("${审批结果 == '通过'}", """{ "审批结果": "通过" }""").ShouldBeTrue();
        IsTrue("${审批结果 == '通过'}", """{ "审批结果": "驳回" }""").ShouldBeFalse();
    }

    [Theory]
    [InlineData("${größe > 1}", """{ "größe": 2 }""")]
    [InlineData("${montant_total >= 1000}", """{ "montant_total": 1000 }""")]
    [InlineData("${_private && x1}", """{ "_private": true, "x1": true }""")]
    [InlineData("${сумма < 10}", """{ "сумма": 5 }""")]
    [InlineData("${मूल्य == 5}", """{ "मूल्य": 5 }""")]
    [InlineData("${𠀀 == 1}", """{ "𠀀": 1 }""")]
    [InlineData("${заказ.статус == 'новый'}", """{ "заказ": { "статус": "новый" } }""")]
    public void Identifiers_may_use_letters_from_any_script_digits_and_underscores(string expression, string json)
    {
        IsTrue(expression, json).ShouldBeTrue();
    }


    [Fact]
    public void Property_access_reads_nested_json_objects()
    {
        Eval("${order.total}").ShouldBe(250m);
        Eval("${order.customer.tier}").ShouldBe("gold");
    }

    [Fact]
    public void Bracket_access_with_a_string_key_reads_properties()
    {
        Eval("${order['status']}").ShouldBe("open");
        Eval("${order[\"with space\"]}").ShouldBe("yes");
        Eval("${order['customer']['tier']}").ShouldBe("gold");
    }

    [Fact]
    public void Bracket_access_key_can_be_computed()
    {
        Eval("${order['sta' + 'tus']}").ShouldBe("open");
    }

    [Fact]
    public void Bracket_access_with_a_number_indexes_arrays()
    {
        Eval("${items[0]}").ShouldBe(10m);
        Eval("${items[1 + 1]}").ShouldBe(30m);
        Eval("${order.lines[1].sku}").ShouldBe("B-2");
    }

    [Fact]
    public void Array_index_out_of_range_is_null()
    {
        Eval("${items[3]}").ShouldBeNull();
        Eval("${items[-1]}").ShouldBeNull();
    }

    [Fact]
    public void Array_index_that_is_not_a_whole_number_is_an_error()
    {
        EvaluationError("${items[0.5]}").Message.ShouldContain("not a whole number");
    }

    [Fact]
    public void Missing_property_of_an_existing_object_is_null()
    {
        Eval("${order.missing}").ShouldBeNull();
        IsTrue("${order.missing == null}").ShouldBeTrue();
        IsTrue("${order['missing'] == null}").ShouldBeTrue();
    }

    [Fact]
    public void Property_of_a_missing_or_null_property_is_null()
    {
        Eval("${order.missing.deeper}").ShouldBeNull();
        Eval("${order.customer.address.city}").ShouldBeNull();
        Eval("${nothing.anything}").ShouldBeNull();
    }

    [Fact]
    public void Property_access_on_an_unknown_root_variable_is_an_error()
    {
        EvaluationError("${customer.tier == 'gold'}").Message.ShouldContain("Unknown variable 'customer'");
    }

    [Theory]
    [InlineData("${name.length}", "a string")]
    [InlineData("${amount.scale}", "a number")]
    [InlineData("${approved.value}", "a boolean")]
    [InlineData("${items.count}", "a JSON array")]
    public void Property_access_on_a_non_object_is_an_error(string expression, string description)
    {
        EvaluationError(expression).Message.ShouldContain(description);
    }

    [Fact]
    public void Indexing_an_object_with_a_number_is_an_error()
    {
        EvaluationError("${order[0]}").Message.ShouldContain("Cannot index");
    }

    [Fact]
    public void Keywords_can_be_property_names_after_a_dot()
    {
        IsTrue("${flags.empty && flags.not == 1}", """{ "flags": { "empty": true, "not": 1 } }""").ShouldBeTrue();
    }


    [Theory]
    [InlineData("${2 + 3}", 5)]
    [InlineData("${2 - 3}", -1)]
    [InlineData("${2 * 3}", 6)]
    [InlineData("${7 / 2}", 3.5)]
    [InlineData("${7 div 2}", 3.5)]
    [InlineData("${7 % 3}", 1)]
    [InlineData("${7 mod 3}", 1)]
    [InlineData("${-7 % 3}", -1)]
    [InlineData("${-5}", -5)]
    [InlineData("${- -5}", 5)]
    [InlineData("${-(2 + 3)}", -5)]
    [InlineData("${0.1 + 0.2}", 0.3)]
    public void Arithmetic_operators_compute_with_decimals(string expression, double expected)
    {
        Eval(expression).ShouldBe((decimal)expected);
    }

    [Fact]
    public void Decimal_arithmetic_is_exact()
    {
        IsTrue("${0.1 + 0.2 == 0.3}").ShouldBeTrue();
    }

    [Fact]
    public void Arithmetic_works_on_variables()
    {
        Eval("${amount - limit}").ShouldBe(500.50m);
        Eval("${order.total * 2}").ShouldBe(500m);
    }

    [Fact]
    public void Plus_concatenates_two_strings()
    {
        Eval("${'Dear ' + name}").ShouldBe("Dear Alice");
    }

    [Theory]
    [InlineData("${'a' + 1}")]
    [InlineData("${1 + 'a'}")]
    [InlineData("${nothing + 1}")]
    [InlineData("${true + 1}")]
    [InlineData("${'a' - 'b'}")]
    [InlineData("${'3' * 2}")]
    [InlineData("${order + 1}")]
    public void Arithmetic_on_non_numbers_is_an_error(string expression)
    {
        EvaluationError(expression).Message.ShouldContain("cannot be applied");
    }

    [Theory]
    [InlineData("${-name}")]
    [InlineData("${-nothing}")]
    [InlineData("${-true}")]
    public void Unary_minus_on_a_non_number_is_an_error(string expression)
    {
        EvaluationError(expression).Message.ShouldContain("requires a number");
    }

    [Theory]
    [InlineData("${1 / 0}")]
    [InlineData("${1 / zero}")]
    [InlineData("${1 % 0}")]
    [InlineData("${1 mod zero}")]
    public void Division_by_zero_is_an_error(string expression)
    {
        EvaluationError(expression).Message.ShouldContain("Division by zero");
    }

    [Fact]
    public void Arithmetic_overflow_is_an_error()
    {
        EvaluationError("${79228162514264337593543950335 + 1}").Message.ShouldContain("overflow");
    }

    [Fact]
    public void Concatenation_is_limited_in_length()
    {
        var chain = "${" + string.Join(" + ", Enumerable.Repeat("s", 20)) + "}";
        var json = new JsonObject { ["s"] = new string('x', 10_000) };

        Should.Throw<ExpressionEvaluationException>(() => ConditionExpression.Parse(chain).Evaluate(json))
            .Message.ShouldContain("longer than");
    }


    [Theory]
    [InlineData("${1 < 2}", true)]
    [InlineData("${2 < 1}", false)]
    [InlineData("${2 > 1}", true)]
    [InlineData("${1 > 1}", false)]
    [InlineData("${1 <= 1}", true)]
    [InlineData("${2 <= 1}", false)]
    [InlineData("${1 >= 1}", true)]
    [InlineData("${0 >= 1}", false)]
    [InlineData("${1 lt 2}", true)]
    [InlineData("${2 gt 1}", true)]
    [InlineData("${1 le 1}", true)]
    [InlineData("${1 ge 2}", false)]
    [InlineData("${1.50 < 1.5000001}", true)]
    [InlineData("${-3 < -2}", true)]
    public void Relational_operators_compare_numbers(string expression, bool expected)
    {
        IsTrue(expression).ShouldBe(expected);
    }

    [Theory]
    [InlineData("${'apple' < 'banana'}", true)]
    [InlineData("${'b' > 'a'}", true)]
    [InlineData("${'a' <= 'a'}", true)]
    [InlineData("${'B' < 'a'}", true)]
    [InlineData("${'10' < '9'}", true)]
    public void Relational_operators_compare_two_strings_ordinally(string expression, bool expected)
    {
        IsTrue(expression).ShouldBe(expected);
    }

    [Fact]
    public void Relational_operators_compare_variables()
    {
        IsTrue("${amount > limit}").ShouldBeTrue();
        IsTrue("${order.total le 250}").ShouldBeTrue();
    }

    [Theory]
    [InlineData("${1 < '2'}", "a number", "a string")]
    [InlineData("${'2' > 1}", "a string", "a number")]
    [InlineData("${nothing < 1}", "null", "a number")]
    [InlineData("${1 >= null}", "a number", "null")]
    [InlineData("${true < false}", "a boolean", "a boolean")]
    [InlineData("${order <= order}", "a JSON object", "a JSON object")]
    [InlineData("${items gt 1}", "a JSON array", "a number")]
    public void Comparing_incompatible_types_is_an_error(string expression, string left, string right)
    {
        var error = EvaluationError(expression);

        error.Message.ShouldContain("cannot compare");
        error.Message.ShouldContain($"{left} with {right}");
    }


    [Theory]
    [InlineData("${1 == 1}", true)]
    [InlineData("${1 == 1.000}", true)]
    [InlineData("${1 == 2}", false)]
    [InlineData("${1 != 2}", true)]
    [InlineData("${1 eq 1}", true)]
    [InlineData("${1 ne 1}", false)]
    [InlineData("${'a' == 'a'}", true)]
    [InlineData("${'a' == 'A'}", false)]
    [InlineData("${'a' != 'b'}", true)]
    [InlineData("${true == true}", true)]
    [InlineData("${true != false}", true)]
    [InlineData("${null == null}", true)]
    [InlineData("${null != null}", false)]
    public void Equality_compares_values_of_the_same_type(string expression, bool expected)
    {
        IsTrue(expression).ShouldBe(expected);
    }

    [Theory]
    [InlineData("${1 == '1'}", false)]
    [InlineData("${'1' == 1}", false)]
    [InlineData("${1 != '1'}", true)]
    [InlineData("${true == 'true'}", false)]
    [InlineData("${0 == false}", false)]
    [InlineData("${0 == null}", false)]
    [InlineData("${'' == null}", false)]
    [InlineData("${false == null}", false)]
    public void Equality_between_different_types_is_false_not_coerced(string expression, bool expected)
    {
        IsTrue(expression).ShouldBe(expected);
    }

    [Fact]
    public void Equality_of_variables_and_null()
    {
        IsTrue("${amount == 1500.5}").ShouldBeTrue();
        IsTrue("${name == 'Alice'}").ShouldBeTrue();
        IsTrue("${nothing == null}").ShouldBeTrue();
        IsTrue("${name != null}").ShouldBeTrue();
        IsTrue("${null == nothing}").ShouldBeTrue();
    }

    [Fact]
    public void Equality_of_json_objects_and_arrays_is_structural()
    {
        IsTrue("${order == sameOrder}").ShouldBeTrue();
        IsTrue("${order.customer == sameOrder.customer}").ShouldBeTrue();
        IsTrue("${order == order.customer}").ShouldBeFalse();
        IsTrue("${items == items}").ShouldBeTrue();
        IsTrue("${items != noItems}").ShouldBeTrue();
        IsTrue("${noFields == order}").ShouldBeFalse();
    }


    [Theory]
    [InlineData("${true && true}", true)]
    [InlineData("${true && false}", false)]
    [InlineData("${false && true}", false)]
    [InlineData("${true and true}", true)]
    [InlineData("${true and false}", false)]
    [InlineData("${true || false}", true)]
    [InlineData("${false || false}", false)]
    [InlineData("${false or true}", true)]
    [InlineData("${false or false}", false)]
    [InlineData("${!true}", false)]
    [InlineData("${!false}", true)]
    [InlineData("${not true}", false)]
    [InlineData("${not not true}", true)]
    [InlineData("${!!false}", false)]
    public void Logical_operators_follow_boolean_logic(string expression, bool expected)
    {
        IsTrue(expression).ShouldBe(expected);
    }

    [Theory]
    [InlineData("${false && missing}", false)]
    [InlineData("${false and missing.property}", false)]
    [InlineData("${true || missing}", true)]
    [InlineData("${true or 1 / 0 == 1}", true)]
    [InlineData("${rejected && 'not a boolean'}", false)]
    [InlineData("${nothing != null && nothing.flag}", false)]
    public void And_and_or_short_circuit(string expression, bool expected)
    {
        IsTrue(expression).ShouldBe(expected);
    }

    [Fact]
    public void Right_operand_is_evaluated_when_it_decides_the_result()
    {
        EvaluationError("${true && missing}").Message.ShouldContain("Unknown variable 'missing'");
        EvaluationError("${false || missing}").Message.ShouldContain("Unknown variable 'missing'");
    }

    [Theory]
    [InlineData("${1 && true}")]
    [InlineData("${true && 'yes'}")]
    [InlineData("${nothing || true}")]
    [InlineData("${false or 0}")]
    [InlineData("${!name}")]
    [InlineData("${not nothing}")]
    public void Logical_operators_require_booleans(string expression)
    {
        EvaluationError(expression).Message.ShouldContain("requires a boolean");
    }


    [Theory]
    [InlineData("${empty nothing}", true)]
    [InlineData("${empty null}", true)]
    [InlineData("${empty blank}", true)]
    [InlineData("${empty ''}", true)]
    [InlineData("${empty noItems}", true)]
    [InlineData("${empty noFields}", true)]
    [InlineData("${empty order.missing}", true)]
    [InlineData("${empty name}", false)]
    [InlineData("${empty ' '}", false)]
    [InlineData("${empty items}", false)]
    [InlineData("${empty order}", false)]
    [InlineData("${empty zero}", false)]
    [InlineData("${empty rejected}", false)]
    [InlineData("${not empty name}", true)]
    [InlineData("${!empty items}", true)]
    [InlineData("${empty(blank)}", true)]
    public void Empty_is_true_for_null_empty_strings_and_empty_containers(string expression, bool expected)
    {
        IsTrue(expression).ShouldBe(expected);
    }


    [Theory]
    [InlineData("${approved ? 'yes' : 'no'}", "yes")]
    [InlineData("${rejected ? 'yes' : 'no'}", "no")]
    [InlineData("${amount > 2000 ? 'board' : amount > 1000 ? 'director' : 'manager'}", "director")]
    [InlineData("${(approved ? name : 'nobody') + '!'}", "Alice!")]
    public void Ternary_selects_a_branch(string expression, string expected)
    {
        Eval(expression).ShouldBe(expected);
    }

    [Fact]
    public void Ternary_evaluates_only_the_selected_branch()
    {
        Eval("${true ? 1 : missing}").ShouldBe(1m);
        Eval("${false ? 1 / 0 : 2}").ShouldBe(2m);
    }

    [Fact]
    public void Ternary_condition_must_be_a_boolean()
    {
        EvaluationError("${name ? 1 : 2}").Message.ShouldContain("requires a boolean");
    }


    [Theory]
    [InlineData("${1 + 2 * 3}", 7)]
    [InlineData("${(1 + 2) * 3}", 9)]
    [InlineData("${10 - 4 - 3}", 3)]
    [InlineData("${12 / 3 / 2}", 2)]
    [InlineData("${10 - 2 * 3 + 1}", 5)]
    [InlineData("${7 % 4 * 2}", 6)]
    [InlineData("${-2 * -3}", 6)]
    [InlineData("${2 * -order.total}", -500)]
    public void Multiplicative_binds_tighter_than_additive_and_both_associate_left(string expression, double expected)
    {
        Eval(expression).ShouldBe((decimal)expected);
    }

    [Fact]
    public void Additive_binds_tighter_than_relational()
    {
        IsTrue("${1 + 2 < 4}").ShouldBeTrue();
        IsTrue("${limit * 2 > amount + 1}").ShouldBeTrue();
    }

    [Fact]
    public void Relational_binds_tighter_than_equality()
    {
        IsTrue("${1 < 2 == true}").ShouldBeTrue();
        IsTrue("${2 > 1 != 1 > 2}").ShouldBeTrue();
    }

    [Fact]
    public void Equality_binds_tighter_than_and()
    {
        IsTrue("${1 == 1 && 2 == 2}").ShouldBeTrue();
        IsTrue("${name eq 'Alice' and amount gt limit}").ShouldBeTrue();
    }

    [Fact]
    public void And_binds_tighter_than_or()
    {
        IsTrue("${true || false && false}").ShouldBeTrue();
        IsTrue("${false && false || true}").ShouldBeTrue();
        IsTrue("${true or false and false}").ShouldBeTrue();
    }

    [Fact]
    public void Or_binds_tighter_than_ternary()
    {
        Eval("${false || true ? 'a' : 'b'}").ShouldBe("a");
    }

    [Fact]
    public void Not_binds_tighter_than_equality()
    {
        // (!approved) == 1 is false == 1, which is false; !(approved == 1) would be true.
        IsTrue("${!approved == 1}").ShouldBeFalse();
    }

    [Fact]
    public void Empty_binds_tighter_than_equality()
    {
        // (empty name) == false is true; empty (name == false) would be false.
        IsTrue("${empty name == false}").ShouldBeTrue();
    }

    [Fact]
    public void Property_access_binds_tighter_than_unary_operators()
    {
        Eval("${-order.total}").ShouldBe(-250m);
        IsTrue("${!flags.on}", """{ "flags": { "on": false } }""").ShouldBeTrue();
    }

    [Fact]
    public void Parentheses_override_precedence()
    {
        IsTrue("${(true || false) && false}").ShouldBeFalse();
        IsTrue("${!(approved && rejected)}").ShouldBeTrue();
    }


    [Fact]
    public void Evaluate_returns_non_boolean_results()
    {
        Eval("${order.customer.tier}").ShouldBeOfType<string>();
        Eval("${order.total + 1}").ShouldBeOfType<decimal>();
    }

    [Fact]
    public void EvaluateBoolean_rejects_a_non_boolean_result()
    {
        var expression = ConditionExpression.Parse("${amount}");

        Should.Throw<ExpressionEvaluationException>(() => expression.EvaluateBoolean(Vars()))
            .Message.ShouldContain("not a boolean");
    }

    [Fact]
    public void EvaluateBoolean_rejects_a_null_result()
    {
        var expression = ConditionExpression.Parse("${nothing}");

        Should.Throw<ExpressionEvaluationException>(() => expression.EvaluateBoolean(Vars()))
            .Message.ShouldContain("not a boolean");
    }

    [Theory]
    [InlineData("${order}")]
    [InlineData("${items}")]
    [InlineData("${approved ? order.customer : null}")]
    public void Json_containers_are_not_valid_results(string expression)
    {
        EvaluationError(expression).Message.ShouldContain("only a boolean, number, string or null");
    }

    [Fact]
    public void Evaluation_does_not_modify_the_variables()
    {
        var variables = Vars();
        var before = variables.ToJsonString();

        ConditionExpression.Parse("${order.customer.tier == 'gold' && items[0] > 1 && empty nothing}").Evaluate(variables);

        variables.ToJsonString().ShouldBe(before);
    }

    [Fact]
    public void Parsed_expression_can_be_evaluated_repeatedly_with_different_variables()
    {
        var expression = ConditionExpression.Parse("${amount > 1000}");

        expression.EvaluateBoolean(new JsonObject { ["amount"] = 5000 }).ShouldBeTrue();
        expression.EvaluateBoolean(new JsonObject { ["amount"] = 10 }).ShouldBeFalse();
    }


    [Fact]
    public void VariableNames_lists_root_variables_only()
    {
        var expression = ConditionExpression.Parse(
            "${order.customer.tier == 'gold' && items[index] > limit ? approved : empty comment or not flag}");

        expression.VariableNames.ShouldBe(
            ["order", "items", "index", "limit", "approved", "comment", "flag"],
            ignoreOrder: true);
    }

    [Fact]
    public void VariableNames_excludes_keywords_literals_and_property_names()
    {
        ConditionExpression.Parse("${true and null == 'x' or empty a.b['c']}").VariableNames.ShouldBe(["a"]);
    }

    [Fact]
    public void VariableNames_is_empty_for_a_constant_expression()
    {
        ConditionExpression.Parse("${1 + 1 == 2}").VariableNames.ShouldBeEmpty();
    }

    [Fact]
    public void VariableNames_lists_each_name_once_and_keeps_unicode_names()
    {
        ConditionExpression.Parse("${审批结果 == '通过' || 审批结果 == '同意'}").VariableNames.ShouldBe(["审批结果"]);
    }


    [Theory]
    [InlineData("amount > 1000", 0)]
    [InlineData("", 0)]
    [InlineData("   ", 3)]
    [InlineData("{amount}", 0)]
    [InlineData("$amount", 0)]
    [InlineData("$ {amount}", 0)]
    [InlineData("  x${amount}", 2)]
    public void Text_not_wrapped_in_dollar_braces_is_a_syntax_error(string text, int position)
    {
        var error = SyntaxError(text);

        error.Position.ShouldBe(position);
        error.Message.ShouldContain("Expected '${' or '#{'");
        error.Message.ShouldContain($"position {position}");
    }

    [Theory]
    [InlineData("${amount > 1000", 15)]
    [InlineData("${approved", 10)]
    [InlineData("${", 2)]
    public void Missing_closing_brace_is_a_syntax_error(string text, int position)
    {
        var error = SyntaxError(text);

        error.Position.ShouldBe(position);
        error.Message.ShouldContain("the end of the text");
    }

    [Theory]
    [InlineData("${}", 2)]
    [InlineData("${   }", 5)]
    [InlineData("#{}", 2)]
    public void Empty_body_is_a_syntax_error(string text, int position)
    {
        var error = SyntaxError(text);

        error.Position.ShouldBe(position);
        error.Message.ShouldContain("Expected an expression");
        error.Message.ShouldContain("empty");
    }

    [Fact]
    public void Unclosed_parenthesis_is_a_syntax_error()
    {
        var error = SyntaxError("${(a == 1}");

        error.Position.ShouldBe(9);
        error.Message.ShouldContain("Expected ')' to close the '(' at position 2");
        error.Message.ShouldContain("position 9");
    }

    [Fact]
    public void Unopened_parenthesis_is_a_syntax_error()
    {
        var error = SyntaxError("${a == 1)}");

        error.Position.ShouldBe(8);
        error.Message.ShouldContain("without a matching '('");
    }

    [Fact]
    public void Unclosed_bracket_is_a_syntax_error()
    {
        var error = SyntaxError("${a['b' == 1}");

        error.Position.ShouldBe(12);
        error.Message.ShouldContain("Expected ']'");
    }

    [Theory]
    [InlineData("${name == 'Alice}", 10)]
    [InlineData("${name == \"Alice}", 10)]
    [InlineData("${'abc\\'}", 2)]
    [InlineData("${'abc\\", 2)]
    public void Unterminated_string_is_a_syntax_error(string text, int position)
    {
        var error = SyntaxError(text);

        error.Position.ShouldBe(position);
        error.Message.ShouldContain("Unterminated string literal");
    }

    [Fact]
    public void Unknown_escape_sequence_is_a_syntax_error()
    {
        var error = SyntaxError("${'a\\qb'}");

        error.Position.ShouldBe(4);
        error.Message.ShouldContain("escape sequences");
    }

    [Fact]
    public void Incomplete_unicode_escape_is_a_syntax_error()
    {
        SyntaxError("${'\\u12'}").Message.ShouldContain("four hexadecimal digits");
    }

    [Theory]
    [InlineData("${approved} true", 12)]
    [InlineData("${approved}}", 11)]
    [InlineData("${a}${b}", 4)]
    public void Text_after_the_closing_brace_is_a_syntax_error(string text, int position)
    {
        var error = SyntaxError(text);

        error.Position.ShouldBe(position);
        error.Message.ShouldContain("after the closing '}'");
    }

    [Theory]
    [InlineData("${a b}", 4)]
    [InlineData("${1 2}", 4)]
    [InlineData("${'a' 'b'}", 6)]
    [InlineData("${a == 1 :}", 9)]
    public void Operands_without_an_operator_are_a_syntax_error(string text, int position)
    {
        var error = SyntaxError(text);

        error.Position.ShouldBe(position);
        error.Message.ShouldContain("Expected an operator or the closing '}'");
    }

    [Theory]
    [InlineData("${a ==}", 6)]
    [InlineData("${a &&}", 6)]
    [InlineData("${a or}", 6)]
    [InlineData("${!}", 3)]
    [InlineData("${empty}", 7)]
    [InlineData("${* 2}", 2)]
    [InlineData("${1 + * 2}", 6)]
    [InlineData("${()}", 3)]
    [InlineData("${a[]}", 4)]
    public void Missing_operand_is_a_syntax_error(string text, int position)
    {
        var error = SyntaxError(text);

        error.Position.ShouldBe(position);
        error.Message.ShouldContain("Expected an expression");
    }

    [Fact]
    public void Ternary_without_colon_is_a_syntax_error()
    {
        var error = SyntaxError("${a ? 1}");

        error.Position.ShouldBe(7);
        error.Message.ShouldContain("Expected ':' for the '?' at position 4");
    }

    [Theory]
    [InlineData("${a.}", 4)]
    [InlineData("${a.1}", 4)]
    [InlineData("${a.'b'}", 4)]
    public void Dot_without_a_property_name_is_a_syntax_error(string text, int position)
    {
        var error = SyntaxError(text);

        error.Position.ShouldBe(position);
        error.Message.ShouldContain("Expected a property name after '.'");
    }

    [Theory]
    [InlineData("${1.}", 4, "digit after the decimal point")]
    [InlineData("${1.x}", 4, "digit after the decimal point")]
    [InlineData("${12abc}", 4, "operator after the number")]
    [InlineData("${1.5.2}", 5, "operator after the number")]
    [InlineData("${1e}", 4, "exponent")]
    [InlineData("${1e+}", 5, "exponent")]
    [InlineData("${1e99999}", 2, "decimal range")]
    public void Malformed_number_is_a_syntax_error(string text, int position, string expected)
    {
        var error = SyntaxError(text);

        error.Position.ShouldBe(position);
        error.Message.ShouldContain(expected);
    }

    [Theory]
    [InlineData("${a = 1}", 4, "assignment is not allowed")]
    [InlineData("${a & b}", 4, "Expected '&&'")]
    [InlineData("${a | b}", 4, "Expected '||'")]
    [InlineData("${a; b}", 3, "unexpected character ';'")]
    [InlineData("${a, b}", 3, "unexpected character ','")]
    [InlineData("${${a}}", 2, "unexpected character '$'")]
    [InlineData("${a {}", 4, "unexpected character '{'")]
    [InlineData("${@a}", 2, "unexpected character '@'")]
    [InlineData("${a\u0000}", 3, "U+0000")]
    public void Unexpected_characters_are_a_syntax_error(string text, int position, string expected)
    {
        var error = SyntaxError(text);

        error.Position.ShouldBe(position);
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void Identifier_cannot_start_with_a_digit()
    {
        SyntaxError("${1abc == 1}").Position.ShouldBe(3);
    }

    [Fact]
    public void Keywords_are_case_sensitive_so_TRUE_is_a_variable()
    {
        var expression = ConditionExpression.Parse("${TRUE}");

        expression.VariableNames.ShouldBe(["TRUE"]);
        Should.Throw<ExpressionEvaluationException>(() => expression.Evaluate(Vars()));
    }

    [Fact]
    public void Syntax_error_message_names_what_was_expected_what_was_found_and_where()
    {
        SyntaxError("${a > }").Message.ShouldBe("Expected an expression at position 6 but found '}'.");
    }


    [Theory]
    [InlineData("${x.getClass()}", 12)]
    [InlineData("${foo(1)}", 5)]
    [InlineData("${execution.getVariable('amount')}", 23)]
    [InlineData("${''.getClass().forName('java.lang.Runtime')}", 13)]
    [InlineData("${T(java.lang.Runtime).getRuntime().exec('calc')}", 3)]
    [InlineData("${a['getClass']()}", 15)]
    [InlineData("${(a)(1)}", 5)]
    [InlineData("${approved && bean.delete()}", 25)]
    [InlineData("${not exit()}", 10)]
    public void Method_calls_are_refused_at_parse_time(string text, int position)
    {
        var error = SyntaxError(text);

        error.Position.ShouldBe(position);
        error.Message.ShouldContain("method calls are not allowed");
    }

    [Fact]
    public void Property_named_like_a_method_is_only_a_json_lookup()
    {
        Eval("${x.getClass}", """{ "x": {} }""").ShouldBeNull();
    }


    [Fact]
    public void TryParse_returns_the_expression_for_valid_text()
    {
        ConditionExpression.TryParse("${a > 1}", out var expression, out var error).ShouldBeTrue();

        expression.ShouldNotBeNull();
        expression.Text.ShouldBe("${a > 1}");
        error.ShouldBeNull();
    }

    [Fact]
    public void TryParse_returns_the_error_message_for_invalid_text()
    {
        ConditionExpression.TryParse("${a >}", out var expression, out var error).ShouldBeFalse();

        expression.ShouldBeNull();
        error.ShouldBe("Expected an expression at position 5 but found '}'.");
    }

    [Fact]
    public void TryParse_reports_method_calls()
    {
        ConditionExpression.TryParse("${x.getClass()}", out _, out var error).ShouldBeFalse();

        error.ShouldNotBeNull().ShouldContain("method calls are not allowed");
    }


    [Fact]
    public void Expression_of_the_maximum_length_is_accepted()
    {
        var text = "${" + new string(' ', ConditionExpression.MaxLength - 7) + "true}";
        text.Length.ShouldBe(4000);

        ConditionExpression.Parse(text).EvaluateBoolean(Vars()).ShouldBeTrue();
    }

    [Fact]
    public void Expression_longer_than_the_maximum_length_is_a_syntax_error()
    {
        var text = "${" + new string(' ', ConditionExpression.MaxLength - 6) + "true}";
        text.Length.ShouldBe(4001);

        var error = SyntaxError(text);

        error.Position.ShouldBe(4000);
        error.Message.ShouldContain("at most 4000 characters");
    }

    [Fact]
    public void Sixty_four_nested_parentheses_are_accepted()
    {
        var text = "${" + new string('(', 64) + "true" + new string(')', 64) + "}";

        ConditionExpression.Parse(text).EvaluateBoolean(Vars()).ShouldBeTrue();
    }

    [Fact]
    public void Sixty_five_nested_parentheses_are_a_syntax_error()
    {
        var text = "${" + new string('(', 65) + "true" + new string(')', 65) + "}";

        var error = SyntaxError(text);

        error.Position.ShouldBe(66);
        error.Message.ShouldContain("at most 64 levels of nesting");
    }

    [Fact]
    public void Deeply_nested_unary_operators_are_a_syntax_error()
    {
        ConditionExpression.Parse("${" + new string('!', 64) + "true}").EvaluateBoolean(Vars()).ShouldBeTrue();

        SyntaxError("${" + new string('!', 65) + "true}").Message.ShouldContain("levels of nesting");
        SyntaxError("${" + string.Concat(Enumerable.Repeat("- ", 65)) + "1}").Message.ShouldContain("levels of nesting");
    }

    [Fact]
    public void Deeply_nested_brackets_are_a_syntax_error()
    {
        var text = "${" + string.Concat(Enumerable.Repeat("a[", 65)) + "0" + new string(']', 65) + "}";

        SyntaxError(text).Message.ShouldContain("levels of nesting");
    }

    [Fact]
    public void Deeply_nested_ternaries_are_a_syntax_error()
    {
        var text = "${" + string.Concat(Enumerable.Repeat("true ? ", 65)) + "1" + string.Concat(Enumerable.Repeat(" : 0", 65)) + "}";

        SyntaxError(text).Message.ShouldContain("levels of nesting");
    }

    [Fact]
    public void Hostile_nesting_at_the_length_limit_fails_cleanly()
    {
        var text = "${" + new string('(', 1998) + "}";

        SyntaxError(text).Message.ShouldContain("levels of nesting");
    }

    [Fact]
    public void Long_flat_operator_chain_within_the_length_limit_evaluates()
    {
        var text = "${" + string.Join("+", Enumerable.Repeat("1", 1995)) + "}";
        text.Length.ShouldBeLessThanOrEqualTo(ConditionExpression.MaxLength);

        ConditionExpression.Parse(text).Evaluate(Vars()).ShouldBe(1995m);
    }

    [Fact]
    public void Long_or_chain_of_alternatives_evaluates()
    {
        var alternatives = Enumerable.Range(1, 200).Select(i => $"x == {i}");
        var text = "${" + string.Join(" || ", alternatives) + "}";

        ConditionExpression.Parse(text).EvaluateBoolean(new JsonObject { ["x"] = 200 }).ShouldBeTrue();
        ConditionExpression.Parse(text).EvaluateBoolean(new JsonObject { ["x"] = 201 }).ShouldBeFalse();
    }


    [Fact]
    public void Null_text_is_rejected()
    {
        Should.Throw<ArgumentNullException>(() => ConditionExpression.Parse(null!));
    }

    [Fact]
    public void Null_variables_are_rejected()
    {
        Should.Throw<ArgumentNullException>(() => ConditionExpression.Parse("${true}").Evaluate(null!));
    }
}
