using System.Text.Json.Serialization;

namespace CommunityBot.Teams.Cards;

[JsonConverter(typeof(CamelCaseEnumConverter<Spacing>))]
public enum Spacing { None, Small, Default, Medium, Large, ExtraLarge, Padding }

[JsonConverter(typeof(CamelCaseEnumConverter<TextSize>))]
public enum TextSize { Small, Default, Medium, Large, ExtraLarge }

[JsonConverter(typeof(CamelCaseEnumConverter<TextWeight>))]
public enum TextWeight { Lighter, Default, Bolder }

[JsonConverter(typeof(CamelCaseEnumConverter<TextColor>))]
public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

[JsonConverter(typeof(CamelCaseEnumConverter<TextBlockStyle>))]
public enum TextBlockStyle { Default, Heading }

[JsonConverter(typeof(CamelCaseEnumConverter<HorizontalAlignment>))]
public enum HorizontalAlignment { Left, Center, Right }

[JsonConverter(typeof(CamelCaseEnumConverter<VerticalAlignment>))]
public enum VerticalAlignment { Top, Center, Bottom }

[JsonConverter(typeof(CamelCaseEnumConverter<ContainerStyle>))]
public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }

[JsonConverter(typeof(CamelCaseEnumConverter<ImageSize>))]
public enum ImageSize { Auto, Stretch, Small, Medium, Large }

[JsonConverter(typeof(CamelCaseEnumConverter<ImageStyle>))]
public enum ImageStyle { Default, Person }

[JsonConverter(typeof(CamelCaseEnumConverter<ChoiceInputStyle>))]
public enum ChoiceInputStyle { Compact, Expanded, Filtered }

[JsonConverter(typeof(CamelCaseEnumConverter<ActionStyle>))]
public enum ActionStyle { Default, Positive, Destructive }

[JsonConverter(typeof(CamelCaseEnumConverter<AssociatedInputs>))]
public enum AssociatedInputs { Auto, None }
