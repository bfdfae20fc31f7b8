import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { Params, parseForm } from "./form";

describe("parseForm", () => {
  it("reads Stripe's bracket notation into objects and arrays", () => {
    const form = parseForm(
      "mode=subscription&line_items[0][price]=price_a&line_items[0][quantity]=2&line_items%5B1%5D%5Bprice%5D=price_b" +
        "&expand[]=subscription&expand[]=customer&metadata[userId]=u%201&subscription_data[metadata][plan]=dojo",
    );
    expect(form).toEqual({
      mode: "subscription",
      line_items: [{ price: "price_a", quantity: "2" }, { price: "price_b" }],
      expand: ["subscription", "customer"],
      metadata: { userId: "u 1" },
      subscription_data: { metadata: { plan: "dojo" } },
    });
  });

  it("reads the SDK's indexed arrays and drops holes", () => {
    expect(parseForm("expand[0]=a&expand[2]=c")).toEqual({ expand: ["a", "c"] });
  });

  it("refuses an array index used as an object key", () => {
    expect(() => parseForm("items[0]=a&items[x]=b")).toThrow(ApiError);
  });
});

describe("Params", () => {
  it("reports problems with Stripe's messages and full parameter paths", () => {
    const params = new Params(parseForm("line_items[0][quantity]=two&flag=maybe"));
    const item = params.objects("line_items")?.[0];
    expect(() => item?.int("quantity")).toThrow("Invalid integer: two");
    expect(() => params.bool("flag")).toThrow("Invalid boolean: maybe");
    expect(() => params.requiredString("success_url")).toThrow("Missing required param: success_url.");
    try {
      item?.requiredString("price");
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).toJson()).toMatchObject({ error: { param: "line_items[0][price]", code: "parameter_missing" } });
    }
    expect(() => params.rejectUnknown(["line_items"])).toThrow("Received unknown parameter: flag");
  });

  it("follows Stripe's metadata update rules", () => {
    const current = { keep: "1", drop: "2" };
    expect(new Params(parseForm("metadata[drop]=&metadata[add]=3")).metadata("metadata", current)).toEqual({ keep: "1", add: "3" });
    expect(new Params(parseForm("metadata=")).metadata("metadata", current)).toEqual({});
    expect(new Params(parseForm("other=1")).metadata("metadata", current)).toBeUndefined();
    expect(() => new Params(parseForm(`metadata[${"k".repeat(41)}]=v`)).metadata("metadata", {})).toThrow(/at most 40/);
  });
});
